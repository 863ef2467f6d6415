namespace Mvai.Bot.Intake.Validation;

/// <summary>US states, DC and territories by name and postal code ("Texas", "tx", "Tex." all give "TX").</summary>
public static class UsStates
{
    private static readonly (string Code, string Name)[] All =
    [
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"),
        ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"), ("FL", "Florida"), ("GA", "Georgia"),
        ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"),
        ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"),
        ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"),
        ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"),
        ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"),
        ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
        ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"),
        ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
        ("DC", "District of Columbia"), ("PR", "Puerto Rico"), ("GU", "Guam"), ("VI", "U.S. Virgin Islands"),
        ("AS", "American Samoa"), ("MP", "Northern Mariana Islands"),
    ];

    private static readonly Dictionary<string, string> ByKey = BuildIndex();

    /// <summary>The two-letter code of a state written any common way, or null.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return ByKey.TryGetValue(Key(text), out var code) ? code : null;
    }

    /// <summary>The state's full name for a code.</summary>
    public static string NameOf(string code) => All.First(s => s.Code == code).Name;

    /// <summary>All accepted spellings, longest first, for finding a state at the end of "City, State".</summary>
    internal static IEnumerable<string> Spellings => ByKey.Keys.OrderByDescending(k => k.Length);

    internal static string Key(string text) =>
        string.Join(' ', text.ToUpperInvariant().Replace(".", string.Empty, StringComparison.Ordinal)
            .Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in All)
        {
            index[code] = code;
            index[Key(name)] = code;
        }
        index["WASHINGTON DC"] = "DC";
        index["DISTRICT OF COLUMBIA"] = "DC";
        index["US VIRGIN ISLANDS"] = "VI";
        index["VIRGIN ISLANDS"] = "VI";
        index["CALIF"] = "CA";
        index["MASS"] = "MA";
        index["PENN"] = "PA";
        index["TENN"] = "TN";
        index["TEX"] = "TX";
        index["WASH"] = "WA";
        return index;
    }
}
