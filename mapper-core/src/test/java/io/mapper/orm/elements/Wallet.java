package io.mapper.orm.elements;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Convert;
import io.mapper.orm.annotation.ElementCollection;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.converters.Money;
import io.mapper.orm.converters.MoneyConverter;

/** A bag of converted values (Money has no equals), loaded with its owner by the mapping's SELECT_IN. */
@Entity
public class Wallet {
    @Id @GeneratedValue Long id;
    @Column(length = 20) String label = "main";

    @ElementCollection(fetch = FetchStrategy.SELECT_IN) @Convert(MoneyConverter.class)
    @Column(name = "amount", precision = 10, scale = 2)
    List<Money> payments = new ArrayList<>();              // table wallet_payments, join column wallet_id
}
