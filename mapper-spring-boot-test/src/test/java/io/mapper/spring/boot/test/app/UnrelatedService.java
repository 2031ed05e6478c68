package io.mapper.spring.boot.test.app;

import org.springframework.stereotype.Service;

/** An application component that a {@code @MapperTest} must not load. */
@Service
public class UnrelatedService {
}
