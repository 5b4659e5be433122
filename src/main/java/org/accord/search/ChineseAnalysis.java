package org.accord.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How Chinese text becomes terms. Every text is indexed twice: as SmartCN words, which rank well for ordinary
 * words (城市 / 内涝), and as overlapping character pairs with single characters, which find what the word
 * dictionary does not know (住建局, 顾子涵, a street's name) and short words; see docs/decisions/0015.
 */
final class ChineseAnalysis {

    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TITLE_PAIRS = "title_bi";
    static final String BODY_PAIRS = "body_bi";
    static final String NAMES_PAIRS = "names_bi";

    private final Analyzer words = new SmartChineseAnalyzer();
    private final Analyzer pairsAndSingles = pairs(true);
    private final Analyzer pairsOnly = pairs(false);

    /** For the index writer: words for the word fields, pairs and single characters for the pair fields. */
    Analyzer indexing() {
        return new PerFieldAnalyzerWrapper(
                words, Map.of(TITLE_PAIRS, pairsAndSingles, BODY_PAIRS, pairsAndSingles, NAMES_PAIRS, pairsAndSingles));
    }

    /**
     * For queries: pairs only (a single character alone still comes out as itself), so that 内涝 must appear as
     * those two characters side by side, not as 内 somewhere and 涝 somewhere else.
     */
    Analyzer querying() {
        return new PerFieldAnalyzerWrapper(
                words, Map.of(TITLE_PAIRS, pairsOnly, BODY_PAIRS, pairsOnly, NAMES_PAIRS, pairsOnly));
    }

    Analyzer words() {
        return words;
    }

    private static Analyzer pairs(boolean singles) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(
                        stream,
                        CJKBigramFilter.HAN
                                | CJKBigramFilter.HIRAGANA
                                | CJKBigramFilter.KATAKANA
                                | CJKBigramFilter.HANGUL,
                        singles);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }
}
