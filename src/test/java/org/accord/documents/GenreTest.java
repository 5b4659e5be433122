package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.directory.Direction;
import org.junit.jupiter.api.Test;

/** The genre/direction table of Article 8 of 《党政机关公文处理工作条例》. */
class GenreTest {

    @Test
    void requestsAndReportsGoUpOnly() {
        for (Genre genre : new Genre[] {Genre.REQUEST, Genre.REPORT}) {
            assertThat(genre.fits(Direction.UP)).isTrue();
            assertThat(genre.fits(Direction.DOWN)).isFalse();
            assertThat(genre.fits(Direction.PARALLEL)).isFalse();
            assertThat(genre.fits(Direction.INTERNAL)).isFalse();
        }
    }

    @Test
    void decisionsNoticesBulletinsAndRepliesGoDownOrWithinTheInstitution() {
        for (Genre genre : new Genre[] {Genre.DECISION, Genre.NOTICE, Genre.BULLETIN, Genre.REPLY}) {
            assertThat(genre.fits(Direction.DOWN)).isTrue();
            assertThat(genre.fits(Direction.INTERNAL)).isTrue();
            assertThat(genre.fits(Direction.UP)).isFalse();
            assertThat(genre.fits(Direction.PARALLEL)).as(genre + " to a peer").isFalse();
        }
    }

    @Test
    void lettersGoBetweenUnitsWithoutALineOfAuthority() {
        assertThat(Genre.LETTER.fits(Direction.PARALLEL)).isTrue();
        assertThat(Genre.LETTER.fits(Direction.INTERNAL)).isTrue();
        assertThat(Genre.LETTER.fits(Direction.UP)).isFalse();
        assertThat(Genre.LETTER.fits(Direction.DOWN)).isFalse();
    }

    @Test
    void opinionsAndMinutesGoAnywhere() {
        for (Direction direction : Direction.values()) {
            assertThat(Genre.OPINION.fits(direction)).isTrue();
            assertThat(Genre.MINUTES.fits(direction)).isTrue();
        }
    }

    @Test
    void theSuggestionForAPeerIsALetterOrAnOpinion() {
        assertThat(Genre.suitedTo(Direction.PARALLEL)).containsExactly(Genre.LETTER, Genre.OPINION);
        assertThat(Genre.suitedTo(Direction.UP)).containsExactly(Genre.REQUEST, Genre.REPORT, Genre.OPINION);
    }
}
