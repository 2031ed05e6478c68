package io.mapper.spring.boot.scenarios;

import java.util.function.Supplier;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declarative transaction boundaries for the scenarios: each method runs its work inside Spring's
 * {@code @Transactional} proxy with the named propagation, as a service method of an application would. The work is a
 * lambda so that one scenario can read top to bottom; calls go through the proxy because the tests call this bean
 * from outside.
 */
public class TransactionBoundaries {

    @Transactional
    public void required(Runnable work) {
        work.run();
    }

    @Transactional
    public <T> T requiredReturning(Supplier<T> work) {
        return work.get();
    }

    @Transactional(propagation = Propagation.NESTED)
    public void nested(Runnable work) {
        work.run();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void requiresNew(Runnable work) {
        work.run();
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void notSupported(Runnable work) {
        work.run();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public void supports(Runnable work) {
        work.run();
    }

    @Transactional(readOnly = true)
    public void readOnly(Runnable work) {
        work.run();
    }
}
