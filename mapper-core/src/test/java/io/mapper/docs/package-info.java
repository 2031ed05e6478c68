/** Tests that run the README's examples as written. */
package io.mapper.docs;
