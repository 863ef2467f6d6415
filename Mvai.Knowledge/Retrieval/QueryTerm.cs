namespace Mvai.Knowledge.Retrieval;

/// <summary>A weighted index term of a parsed query and the query words (concepts) it stands for.</summary>
/// <param name="Term">Stemmed index term.</param>
/// <param name="Weight">1 for the user's own words, lower for synonyms.</param>
/// <param name="ConceptMask">Bit i set when the term stands for the i-th content word of the query.</param>
/// <param name="Alternative">
/// Which way of saying the concept the term belongs to: the user's word, or one phrase of a synonym
/// group. Terms of one alternative add up ("joint" + "information" + "center"); alternatives of the
/// same concept compete.
/// </param>
internal readonly record struct QueryTerm(string Term, double Weight, ulong ConceptMask, int Alternative);
