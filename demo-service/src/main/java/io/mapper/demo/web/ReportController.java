package io.mapper.demo.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.mapper.demo.service.ReportService;
import io.mapper.demo.service.Views.MonthlyRevenue;
import io.mapper.demo.service.Views.TopProduct;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** {@code /api/reports}: revenue per customer and month, and the top products. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/revenue")
    List<MonthlyRevenue> revenue(
            @RequestParam(required = false) @Pattern(regexp = MONTH, message = "must be a month like 2026-01")
            @Nullable String from,
            @RequestParam(required = false) @Pattern(regexp = MONTH, message = "must be a month like 2026-01")
            @Nullable String to,
            @RequestParam(required = false) @Nullable Long customer) {
        return reports.revenueByCustomerAndMonth(from, to, customer);
    }

    @GetMapping("/top-products")
    List<TopProduct> topProducts(@RequestParam(defaultValue = "5") @Min(1) @Max(100) int limit) {
        return reports.topProducts(limit);
    }
}
