package io.mapper.orm.model;

import java.math.BigDecimal;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Version;

/** A versioned entity with an application-assigned key, for optimistic locking tests. */
@Entity
public class Account {

    @Id
    public String code;

    @Column(precision = 12, scale = 2, nullable = false)
    public BigDecimal balance;

    @Version
    public long version;

    Account() {
    }

    public Account(String code, BigDecimal balance) {
        this.code = code;
        this.balance = balance;
    }
}
