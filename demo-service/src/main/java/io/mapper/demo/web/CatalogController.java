package io.mapper.demo.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.mapper.demo.service.CatalogService;
import io.mapper.demo.service.Forms.CategoryForm;
import io.mapper.demo.service.Forms.TagForm;
import io.mapper.demo.service.Views.CategoryView;
import io.mapper.demo.service.Views.TagView;
import io.mapper.demo.service.WriteGate;
import io.mapper.spring.boot.TransientFailures;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** {@code /api/categories} (the tree) and {@code /api/tags}. */
@RestController
@RequestMapping("/api")
class CatalogController {

    private final CatalogService catalog;
    private final WriteGate gate;

    CatalogController(CatalogService catalog, WriteGate gate) {
        this.gate = gate;
        this.catalog = catalog;
    }

    @GetMapping("/categories")
    List<CategoryView> tree() {
        return catalog.tree();
    }

    @GetMapping("/categories/{id}")
    CategoryView category(@PathVariable long id) {
        return catalog.get(id);
    }

    @PostMapping("/categories")
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ResponseEntity<CategoryView> createCategory(@Valid @RequestBody CategoryForm form) {
        CategoryView created = gate.write(() -> catalog.create(form));
        return ResponseEntity.created(URI.create("/api/categories/" + created.id())).body(created);
    }

    /** All tags by name; {@code ?prefix=ki} keeps those starting with it (ignoring case). */
    @GetMapping("/tags")
    List<TagView> tags(@RequestParam(required = false) @Size(min = 1, max = 40) @Nullable String prefix) {
        return catalog.tags(prefix);
    }

    @PostMapping("/tags")
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
    public ResponseEntity<TagView> createTag(@Valid @RequestBody TagForm form) {
        TagView created = gate.write(() -> catalog.createTag(form));
        return ResponseEntity.created(URI.create("/api/tags/" + created.id())).body(created);
    }
}
