namespace Mvai.Bot.Desk.Roster;

/// <summary>The four U.S. Census regions, so "same region" means what a program officer would expect.</summary>
internal static class UsRegions
{
    private static readonly Dictionary<string, string> RegionOf = Build(
        ("Northeast", "CT ME MA NH RI VT NJ NY PA"),
        ("Midwest", "IL IN MI OH WI IA KS MN MO NE ND SD"),
        ("South", "DE DC FL GA MD NC SC VA WV AL KY MS TN AR LA OK TX PR VI"),
        ("West", "AZ CO ID MT NV NM UT WY AK CA HI OR WA GU AS MP"));

    public static string? Of(string? state) => state is null ? null : RegionOf.GetValueOrDefault(state.Trim());

    private static Dictionary<string, string> Build(params (string Region, string States)[] regions) =>
        regions.SelectMany(r => r.States.Split(' ').Select(state => (state, r.Region)))
            .ToDictionary(p => p.state, p => p.Region, StringComparer.OrdinalIgnoreCase);
}
