package io.mapper.spring.data.repository;

import static io.mapper.orm.Orm.select;

import java.util.List;

import org.springframework.transaction.annotation.Transactional;

import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;

/** The fragment implementation found by the {@code Impl} suffix; it uses the transaction-bound session. */
class DummyEntityRepositoryImpl implements DummyEntityRepositoryCustom {

    private final Session session;
    private final SessionFactory sessionFactory;

    DummyEntityRepositoryImpl(Session session, SessionFactory sessionFactory) {
        this.session = session;
        this.sessionFactory = sessionFactory;
    }

    @Override
    @Transactional
    public int renameAllIn(String country, String prefix) {
        var column = sessionFactory.registry().mapper(DummyEntity.class).property("country").column();
        List<DummyEntity> found = session.scalars(select(DummyEntity.class).where(column.eq(country))).all();
        found.forEach(entity -> entity.setName(prefix + entity.getName()));
        return found.size();
    }
}
