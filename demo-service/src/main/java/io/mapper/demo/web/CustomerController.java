package io.mapper.demo.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.mapper.demo.service.CustomerService;
import io.mapper.demo.service.Forms.CustomerForm;
import io.mapper.demo.service.OrderService;
import io.mapper.demo.service.Views.CustomerView;
import io.mapper.demo.service.Views.OrderView;
import io.mapper.demo.service.Views.Page;
import io.mapper.demo.service.WriteGate;
import io.mapper.spring.boot.TransientFailures;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** {@code /api/customers}: CRUD, and a customer's orders. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerService customers;
    private final OrderService orders;
    private final WriteGate gate;

    CustomerController(CustomerService customers, OrderService orders, WriteGate gate) {
        this.gate = gate;
        this.customers = customers;
        this.orders = orders;
    }

    /**
     * A page of customers: {@code ?sort=email,desc} sorts by a property (default {@code name}), {@code ?name=ann}
     * keeps the customers whose name contains it (ignoring case).
     */
    @GetMapping
    Page<CustomerView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "name") @Size(max = 40) String sort,
            @RequestParam(required = false) @Size(min = 1, max = 80) @Nullable String name) {
        return customers.list(page, size, sort, name);
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable long id) {
        return customers.get(id);
    }

    @PostMapping
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ResponseEntity<CustomerView> create(@Valid @RequestBody CustomerForm form) {
        CustomerView created = gate.write(() -> customers.create(form));
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerForm form) {
        return gate.write(() -> customers.update(id, form));
    }

    @DeleteMapping("/{id}")
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ResponseEntity<Void> delete(@PathVariable long id) {
        gate.write(() -> customers.delete(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/orders")
    Page<OrderView> orders(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return orders.ofCustomer(id, page, size);
    }
}
