package io.mapper.spring.boot.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny application for the slice tests. */
@SpringBootApplication
public class SliceApplication {
}
