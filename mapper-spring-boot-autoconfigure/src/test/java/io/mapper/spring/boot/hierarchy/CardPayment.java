package io.mapper.spring.boot.hierarchy;

import io.mapper.orm.annotation.DiscriminatorValue;
import io.mapper.orm.annotation.Entity;

/** A subclass whose name sorts before its base's, as a package scan lists them. */
@Entity
@DiscriminatorValue("card")
public class CardPayment extends Payment {
    public String lastDigits;
}
