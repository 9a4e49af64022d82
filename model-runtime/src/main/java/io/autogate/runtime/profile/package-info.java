/**
 * The training data as profiled and stored in every artifact: {@link
 * io.autogate.runtime.profile.DatasetProfile} with one {@link io.autogate.runtime.profile.ColumnProfile}
 * per column. It is the reference the serving gateway checks live inputs against for drift; {@link
 * io.autogate.runtime.profile.NumericHistogram} assigns numeric values to bins the same way at
 * profiling time and at serving time.
 */
package io.autogate.runtime.profile;
