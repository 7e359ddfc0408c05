package org.baiti;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Baiti: open, checkable knowledge contests. */
@SpringBootApplication
public class Application {
}
