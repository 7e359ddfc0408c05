/** The demo contest a newcomer can answer right after the first start. */
package org.baiti.demo;
