package io.mapper.spring.data.auditing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Turns on Spring Data auditing for mapper entities: {@code @CreatedDate} and {@code @CreatedBy} are set before an
 * object is INSERTed, {@code @LastModifiedDate} and {@code @LastModifiedBy} before it is INSERTed (unless
 * {@link #modifyOnCreate()} is false) and before each UPDATE, in the session's flush (a {@code SessionListener}), so
 * it applies to repositories and to the {@code Session} alike. Put it on a {@code @Configuration} class; the
 * auditor comes from an {@code AuditorAware} bean.
 */
@Inherited
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(MapperAuditingRegistrar.class)
public @interface EnableMapperAuditing {

    /** Name of the {@code AuditorAware} bean; the single one when empty. */
    String auditorAwareRef() default "";

    /** Whether the creation and modification dates are set. */
    boolean setDates() default true;

    /** Whether creating an object also sets its last-modified date and auditor. */
    boolean modifyOnCreate() default true;

    /** Name of a {@code DateTimeProvider} bean for the current time; the system clock when empty. */
    String dateTimeProviderRef() default "";
}
