package org.baiti;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Baiti: open, checkable knowledge contests. */
@SpringBootApplication
@EnableScheduling
public class Application {
}
