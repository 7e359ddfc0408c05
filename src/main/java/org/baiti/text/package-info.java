/**
 * The one policy for text that enters Baiti — names, units, questions, contest and account names, every imported
 * cell: Unicode NFC, no control or bidirectional-override characters, no broken surrogates or undecodable bytes, and
 * visible text where text is required (docs/security.md, "Input"). Plain Java.
 */
package org.baiti.text;
