package io.mapper.spring.data.repository;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.QueryByExampleExecutor;

/**
 * The repository interface to extend for a mapper entity: CRUD with lists, paging and sorting, and Query by Example,
 * all running in the transaction-bound {@code Session}.
 *
 * <pre>{@code
 * interface CustomerRepository extends MapperRepository<Customer, Long> {
 *     Optional<Customer> findByEmail(String email);
 *     Page<Customer> findByCountry(String country, Pageable pageable);
 * }
 * }</pre>
 *
 * @param <T> the entity class
 * @param <ID> the type of its primary key
 */
@NoRepositoryBean
public interface MapperRepository<T, ID>
        extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID>, QueryByExampleExecutor<T> {
}
