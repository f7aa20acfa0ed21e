/**
 * Reading request input: typed field access over JSON with every problem named by its path
 * ({@link io.broadsheet.input.JsonFields}), the characters plain text refuses ({@link io.broadsheet.input.PlainText}),
 * and the exception that carries those problems to the HTTP boundary ({@link io.broadsheet.input.InvalidInputException}).
 */
package io.broadsheet.input;
