namespace Mvai.Knowledge.Retrieval;

/// <summary>A weighted index term of a parsed query and the query words (concepts) it stands for.</summary>
/// <param name="Term">Stemmed index term.</param>
/// <param name="Weight">1 for the user's own words, lower for synonyms.</param>
/// <param name="ConceptMask">Bit i set when the term stands for the i-th content word of the query.</param>
internal readonly record struct QueryTerm(string Term, double Weight, ulong ConceptMask);
