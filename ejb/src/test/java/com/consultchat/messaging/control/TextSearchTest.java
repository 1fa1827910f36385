package com.consultchat.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextSearchTest {

  @Test
  void aHyphenatedWordIsSearchedAsItsCompoundAlone() {
    assertEquals("'x-ray'", TextSearch.compound("'x-ray' <-> 'x' <-> 'ray'"));
    assertEquals(
        "'follow-up-care'",
        TextSearch.compound("'follow-up-care' <-> 'follow' <-> 'up' <-> 'care'"));
  }

  @Test
  void otherPhrasesAndQueriesStayAsTheyAre() {
    for (String query :
        new String[] {
          "'blood' <-> 'pressur'",
          "'x-ray' <-> 'x' <-> 'rai'",
          "'x-ray' <-> 'x' <-> 'ray' & 'result'",
          "'fever' | 'fev'",
          "'it''s' <-> 'it' <-> 's'",
          ""
        }) {
      assertEquals(query, TextSearch.compound(query), query);
    }
  }
}
