package io.mapper.demo.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.mapper.demo.service.Forms.ProductForm;
import io.mapper.demo.service.Forms.ReviewForm;
import io.mapper.demo.service.ProductSearch;
import io.mapper.demo.service.ProductService;
import io.mapper.demo.service.Views.Page;
import io.mapper.demo.service.Views.ProductView;
import io.mapper.demo.service.Views.ReviewView;
import io.mapper.demo.service.WriteGate;
import io.mapper.spring.boot.TransientFailures;
import jakarta.validation.Valid;

/** {@code /api/products}: the search, CRUD, and a product's reviews. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductService products;
    private final WriteGate gate;

    ProductController(ProductService products, WriteGate gate) {
        this.gate = gate;
        this.products = products;
    }

    @GetMapping
    Page<ProductView> search(@Valid @ModelAttribute ProductSearch search) {
        return products.search(search);
    }

    @GetMapping("/{id}")
    ProductView get(@PathVariable long id) {
        return products.get(id);
    }

    @PostMapping
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ResponseEntity<ProductView> create(@Valid @RequestBody ProductForm form) {
        ProductView created = gate.write(() -> products.create(form));
        return ResponseEntity.created(URI.create("/api/products/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ProductView update(@PathVariable long id, @Valid @RequestBody ProductForm form) {
        return gate.write(() -> products.update(id, form));
    }

    @DeleteMapping("/{id}")
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ResponseEntity<Void> delete(@PathVariable long id) {
        gate.write(() -> products.delete(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/reviews")
    List<ReviewView> reviews(@PathVariable long id, @RequestParam(defaultValue = "false") boolean includeHidden) {
        return products.reviews(id, includeHidden);
    }

    /** Hides a review (moderation): it stays in the database, out of every list but a moderator's. */
    @DeleteMapping("/{id}/reviews/{reviewId}")
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ResponseEntity<Void> hideReview(@PathVariable long id, @PathVariable long reviewId) {
        gate.write(() -> products.hideReview(id, reviewId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/reviews")
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ResponseEntity<ReviewView> addReview(@PathVariable long id, @Valid @RequestBody ReviewForm form) {
        ReviewView created = gate.write(() -> products.addReview(id, form));
        return ResponseEntity.created(URI.create("/api/products/" + id + "/reviews")).body(created);
    }
}
