package io.mapper.spring.data.repository;

import java.time.LocalDateTime;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/** An entity with Spring Data's auditing annotations, like Spring Data JDBC's {@code AuditingAnnotatedDummyEntity}. */
@Entity
@Table(name = "sd_audited")
public class AuditedEntity {

    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 50)
    public String name;

    @CreatedBy
    @Column(length = 30)
    public String createdBy;

    @CreatedDate
    public LocalDateTime createdDate;

    @LastModifiedBy
    @Column(length = 30)
    public String lastModifiedBy;

    @LastModifiedDate
    public LocalDateTime lastModifiedDate;

    AuditedEntity() {
    }

    public AuditedEntity(String name) {
        this.name = name;
    }
}
