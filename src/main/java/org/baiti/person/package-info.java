/** Who a person is (normalized mobile number) and how personal data is masked (SPEC §8). */
package org.baiti.person;
