package io.mapper.demo.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mapper.demo.service.Forms.OrderForm;
import io.mapper.demo.service.OrderPlacement;
import io.mapper.demo.service.OrderService;
import io.mapper.demo.service.Views.OrderEventView;
import io.mapper.demo.service.Views.OrderView;
import jakarta.validation.Valid;

/** {@code /api/orders}: placing (one transaction, all or nothing), reading and cancelling orders. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderPlacement placement;
    private final OrderService orders;

    OrderController(OrderPlacement placement, OrderService orders) {
        this.placement = placement;
        this.orders = orders;
    }

    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody OrderForm form) {
        OrderView placed = placement.place(form);
        return ResponseEntity.created(URI.create("/api/orders/" + placed.id())).body(placed);
    }

    @GetMapping("/{id}")
    OrderView get(@PathVariable long id) {
        return orders.get(id);
    }

    @GetMapping("/{id}/history")
    List<OrderEventView> history(@PathVariable long id) {
        return orders.history(id);
    }

    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable long id) {
        return placement.cancel(id);
    }
}
