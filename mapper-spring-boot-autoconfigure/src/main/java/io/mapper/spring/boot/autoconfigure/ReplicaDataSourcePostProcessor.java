package io.mapper.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

import io.mapper.engine.ReplicaSet;
import io.mapper.exception.ArgumentException;
import io.mapper.spring.boot.ReplicaRoutingDataSource;

/**
 * Wraps the application's data source in a {@link ReplicaRoutingDataSource} over one Hikari pool per configured
 * replica. A post-processor rather than a second {@code DataSource} bean, so that the transaction manager,
 * {@code JdbcTemplate}, migrations and mapper all keep using the one data source the application defines.
 */
final class ReplicaDataSourcePostProcessor implements BeanPostProcessor {

    private final Environment environment;

    ReplicaDataSourcePostProcessor(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource primary) || bean instanceof ReplicaRoutingDataSource) {
            return bean;
        }
        MapperReplicaProperties properties = Binder.get(environment)
                .bind("mapper", Bindable.of(MapperReplicaProperties.class)).orElseGet(MapperReplicaProperties::new);
        ReplicaSet.Builder replicas = ReplicaSet.builder()
                .maxLag(properties.getReplicaHealth().getMaxLag())
                .checkInterval(properties.getReplicaHealth().getCheckInterval());
        List<HikariDataSource> pools = new ArrayList<>();
        List<MapperReplicaProperties.Replica> configured = properties.getReplicas();
        for (int i = 0; i < configured.size(); i++) {
            MapperReplicaProperties.Replica replica = configured.get(i);
            String name = replica.getName() == null ? "replica-" + (i + 1) : replica.getName();
            HikariDataSource pool = pool(name, replica, primary);
            pools.add(pool);
            replicas.replica(name, pool);
        }
        return new ReplicaRoutingDataSource(primary, replicas.build(), pools);
    }

    private HikariDataSource pool(String name, MapperReplicaProperties.Replica replica, DataSource primary) {
        if (replica.getUrl() == null || replica.getUrl().isBlank()) {
            throw new ArgumentException("mapper.replicas entry '" + name + "' has no url; set mapper.replicas[n].url "
                    + "to the replica's JDBC URL, or remove the entry.");
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("mapper-" + name);
        pool.setJdbcUrl(replica.getUrl());
        String username = replica.getUsername() != null ? replica.getUsername()
                : environment.getProperty("spring.datasource.username");
        String password = replica.getPassword() != null ? replica.getPassword()
                : environment.getProperty("spring.datasource.password");
        if (username != null) {
            pool.setUsername(username);
        }
        if (password != null) {
            pool.setPassword(password);
        }
        pool.setMaximumPoolSize(replica.getMaximumPoolSize());
        pool.setConnectionTimeout(replica.getConnectionTimeout().toMillis());
        // A replica that is down at start-up is skipped, not fatal: its pool connects once it is back.
        pool.setInitializationFailTimeout(-1);
        return pool;
    }
}
