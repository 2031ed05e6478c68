package io.mapper.demo.service;

import static io.mapper.orm.Orm.select;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Customer;
import io.mapper.demo.domain.Customer_;
import io.mapper.demo.domain.EmailAddress;
import io.mapper.demo.domain.ShippingAddress;
import io.mapper.demo.service.Forms.AddressForm;
import io.mapper.demo.service.Forms.CustomerForm;
import io.mapper.demo.service.Views.AddressView;
import io.mapper.demo.service.Views.CustomerView;
import io.mapper.demo.service.Views.Page;
import io.mapper.orm.SessionOperations;
import io.mapper.sql.Sql;

/** Customers and their shipping addresses (a one-to-one saved and deleted with the customer). */
@Service
public class CustomerService {

    private final SessionOperations session;
    private final Clock clock;

    public CustomerService(SessionOperations session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** A page of customers by name. */
    @Transactional(readOnly = true)
    public Page<CustomerView> list(int page, int size) {
        long total = session.query(Customer.class).count();
        List<CustomerView> items = session.scalars(select(Customer.class).orderBy(Customer_.name, Customer_.id)
                .limit(size).offset(page * size)).stream().map(CustomerService::view).toList();
        return Page.of(items, page, size, total);
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
        Customer customer = new Customer(new EmailAddress(form.email()), form.name(), LocalDateTime.now(clock));
        if (form.address() != null) {
            customer.setAddress(address(form.address()));
        }
        session.add(customer);
        session.flush();
        return view(customer);
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
        session.delete(find(id));
        session.flush();
    }

    private void lock(long id) {
        session.execute(Sql.select(Customer_.id).where(Customer_.id.eq(id)).forUpdate()).all();
    }

    Customer find(long id) {
        Customer customer = session.get(Customer.class, id);
        if (customer == null) {
            throw new NotFoundException("Customer", id);
        }
        return customer;
    }

    private void requireFreeEmail(String email, @Nullable Long exceptId) {
        Customer other = session.query(Customer.class).filter(Customer_.email.eq(new EmailAddress(email))).oneOrNull();
        if (other != null && !other.getId().equals(exceptId)) {
            throw new ConflictException("E-mail address taken", "Another customer already uses " + email + ".",
                    Map.of("field", "email"));
        }
    }

    private static ShippingAddress address(AddressForm form) {
        return new ShippingAddress(form.street(), form.postalCode(), form.city(), form.country());
    }

    static CustomerView view(Customer customer) {
        ShippingAddress address = customer.getAddress();
        return new CustomerView(customer.getId(), customer.getEmail().value(), customer.getName(), customer.getCreatedAt(),
                address == null ? null : new AddressView(address.getStreet(), address.getPostalCode(),
                        address.getCity(), address.getCountry()));
    }
}
