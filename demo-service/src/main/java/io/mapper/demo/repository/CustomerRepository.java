package io.mapper.demo.repository;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import io.mapper.demo.domain.Customer;
import io.mapper.demo.domain.EmailAddress;
import io.mapper.spring.data.repository.MapperRepository;

/** Customers: CRUD, paging and sorting, and the look-ups the API needs, derived from their names. */
public interface CustomerRepository extends MapperRepository<Customer, Long> {

    /** The customer with this e-mail address (bound through {@link EmailAddress}'s converter). */
    Optional<Customer> findByEmail(EmailAddress email);

    /** Whether another customer than {@code id} uses this e-mail address. */
    boolean existsByEmailAndIdNot(EmailAddress email, Long id);

    /** A page of the customers whose name contains {@code name}, ignoring case. */
    Page<Customer> findByNameContainingIgnoreCase(String name, Pageable pageable);
}
