/**
 * The store's use cases: transactional services over the starter's transaction-bound session
 * ({@code SessionOperations}), the forms they accept (with bean validation) and the views they return. Views are
 * built inside the transaction, so lazy relationships are loaded while the session is open and no entity leaves it.
 */
@NullMarked
package io.mapper.demo.service;

import org.jspecify.annotations.NullMarked;
