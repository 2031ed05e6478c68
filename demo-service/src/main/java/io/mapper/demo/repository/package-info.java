/**
 * The demo's Spring Data repositories over mapper: derived queries, paging and sorting, and a custom fragment that
 * uses the {@code Session}. The starter's auto-configuration finds them here (the application's package).
 */
@NullMarked
package io.mapper.demo.repository;

import org.jspecify.annotations.NullMarked;
