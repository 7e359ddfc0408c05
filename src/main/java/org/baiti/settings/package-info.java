/** Settings shared by every feature ({@code baiti.*}); a feature's own settings sit in the feature's package. */
package org.baiti.settings;
