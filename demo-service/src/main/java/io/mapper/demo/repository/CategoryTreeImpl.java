package io.mapper.demo.repository;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;

import java.util.List;

import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Category;
import io.mapper.demo.domain.Category_;
import io.mapper.orm.SessionOperations;

/** The {@link CategoryTree} fragment, found by its {@code Impl} suffix; runs in the transaction-bound session. */
class CategoryTreeImpl implements CategoryTree {

    private final SessionOperations session;

    CategoryTreeImpl(SessionOperations session) {
        this.session = session;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Category> findAllWithChildren() {
        return session.scalars(select(Category.class).orderBy(Category_.name).options(selectInLoad("children")))
                .all();
    }
}
