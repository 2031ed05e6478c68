package io.mapper.demo.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Customer;
import io.mapper.demo.domain.EmailAddress;
import io.mapper.demo.domain.Customer_;
import io.mapper.demo.domain.ShippingAddress;
import io.mapper.demo.repository.CustomerRepository;
import io.mapper.demo.service.Forms.AddressForm;
import io.mapper.demo.service.Forms.CustomerForm;
import io.mapper.demo.service.Views.AddressView;
import io.mapper.demo.service.Views.CustomerView;
import io.mapper.demo.service.Views.Page;
import io.mapper.orm.SessionOperations;
import io.mapper.sql.RowLock;

/**
 * Customers and their shipping addresses (a one-to-one saved and deleted with the customer), through the
 * {@link CustomerRepository}; the session is used for what a repository does not do (the row lock, the address).
 */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final SessionOperations session;

    public CustomerService(CustomerRepository customers, SessionOperations session) {
        this.customers = customers;
        this.session = session;
    }

    /**
     * A page of customers, sorted by {@code sort} ({@code name}, {@code email,desc}, {@code createdAt,asc}...; the
     * repository checks the property against the mapping) and then by id, keeping those whose name contains
     * {@code name} when it is given.
     */
    @Transactional(readOnly = true)
    public Page<CustomerView> list(int page, int size, String sort, @Nullable String name) {
        PageRequest request = PageRequest.of(page, size, sortOf(sort).and(Sort.by("id")));
        org.springframework.data.domain.Page<Customer> found;
        try {
            found = name == null ? customers.findAll(request) : customers.findByNameContainingIgnoreCase(name, request);
        } catch (InvalidDataAccessApiUsageException unknownProperty) {
            throw new BadRequestException("sort", unknownProperty.getMessage());
        }
        List<CustomerView> items = found.getContent().stream().map(CustomerService::view).toList();
        return Page.of(items, page, size, found.getTotalElements());
    }

    /** {@code property} or {@code property,asc|desc} as a sort order. */
    private static Sort sortOf(String sort) {
        String[] parts = sort.split(",", -1);
        if (parts.length > 2 || parts[0].isBlank()) {
            throw new BadRequestException("sort", "Give the sort as property or property,asc or property,desc.");
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length == 2) {
            direction = Sort.Direction.fromOptionalString(parts[1].trim().toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new BadRequestException("sort", "The sort direction must be asc or desc."));
        }
        return Sort.by(direction, parts[0].trim());
    }

    /** One customer. */
    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        return view(find(id));
    }

    /** Registers a customer; an e-mail address that is taken is a 409. */
    @Transactional
    public CustomerView create(CustomerForm form) {
        requireFreeEmail(form.email(), null);
        Customer customer = new Customer(new EmailAddress(form.email()), form.name());   // createdAt: set by auditing at the INSERT
        if (form.address() != null) {
            customer.setAddress(address(form.address()));
        }
        return view(customers.save(customer));
    }

    /** Changes a customer's e-mail, name and address (no address in the form removes it). */
    @Transactional
    public CustomerView update(long id, CustomerForm form) {
        // Concurrent changes of one customer queue here: the second sees the first one's address and updates it
        // instead of inserting a second one.
        lock(id);
        Customer customer = find(id);
        requireFreeEmail(form.email(), id);
        customer.setEmail(new EmailAddress(form.email()));
        customer.setName(form.name());
        AddressForm address = form.address();
        ShippingAddress current = customer.getAddress();
        if (address == null) {
            if (current != null) {
                session.delete(current);
                customer.setAddress(null);
            }
        } else if (current == null) {
            customer.setAddress(address(address));
            session.add(customer.getAddress());
        } else {
            current.update(address.street(), address.postalCode(), address.city(), address.country());
        }
        session.flush();
        return view(customer);
    }

    /** Deletes a customer and their address; a customer with orders or reviews is kept (409). */
    @Transactional
    public void delete(long id) {
        lock(id);
        customers.delete(find(id));
        session.flush();
    }

    private void lock(long id) {
        session.get(Customer.class, id, RowLock.UPDATE);
    }

    Customer find(long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    private void requireFreeEmail(String email, @Nullable Long exceptId) {
        EmailAddress address = new EmailAddress(email);
        boolean taken = exceptId == null ? customers.findByEmail(address).isPresent()
                : customers.existsByEmailAndIdNot(address, exceptId);
        if (taken) {
            throw new ConflictException("E-mail address taken", "Another customer already uses " + email + ".",
                    Map.of("field", "email"));
        }
    }

    private static ShippingAddress address(AddressForm form) {
        return new ShippingAddress(form.street(), form.postalCode(), form.city(), form.country());
    }

    static CustomerView view(Customer customer) {
        ShippingAddress address = customer.getAddress();
        return new CustomerView(customer.getId(), customer.getEmail().value(), customer.getName(),
                Objects.requireNonNull(customer.getCreatedAt(), "createdAt is set when the customer is flushed"),
                customer.getUpdatedAt(), address == null ? null : new AddressView(address.getStreet(), address.getPostalCode(),
                        address.getCity(), address.getCountry()));
    }
}
