using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Privacy;
using static Mvai.Bot.Tests.Desk.DeskScenario;

namespace Mvai.Bot.Tests.Desk;

/// <summary>
/// The team keeps the peer advisor roster in the console API over real HTTP: configured advisors show, an advisor
/// added or edited is stored and suggested at once, a retired one stays on the list but is never suggested again,
/// every change is audited (who, what, when), and bad input or a stale version changes nothing.
/// </summary>
public abstract class RosterTests<TStorage> : DeskTestBase<TStorage>
    where TStorage : TestStorage, new()
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 14, 30, 0, TimeSpan.Zero);

    protected override DateTimeOffset Start => Now;

    private static object Reyes(long? version = null, string name = "Capt. Dana Reyes") => new
    {
        id = "reyes", name, role = "Captain", agency = "Peoria Police Department", email = "d.reyes@peoria.example",
        incidents = new[] { "shooting" }, topics = new[] { "wellness", "media" }, state = "IL", version,
    };

    [Fact]
    public async Task AnAdvisorAddedInTheConsole_IsSuggested_EditsAreChecked_AndRetiringStopsSuggestionsButKeepsThemListed()
    {
        var roster = await Alice.JsonAsync("api/advisor/roster");
        Assert.Equal([("lopez", "Configured", 0L), ("king", "Configured", 0L)], Rows(roster));

        using (var added = await Alice.PostAsync("api/advisor/roster", Reyes()))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        var reference = await Scenario.NewChat().SubmitRequestAsync();
        var suggested = Suggestions(await Alice.RequestAsync(reference));
        Assert.Equal(("reyes", "led through a shooting; wellness, media; same state"), suggested[0]);

        // Lopez is configured; her edit is stored and overrides the configuration, then a second edit from the same look is refused.
        var lopez = new { name = "Chief Ann Lopez", role = "Chief of Police", agency = "Lakeside Police Department", email = "ann.lopez@lakeside.example",
            phone = "(555) 234-0199", incidents = new[] { "school", "shooting" }, topics = new[] { "wellness" }, state = "IL", version = 0 };
        using (var edited = await Alice.Http.PutAsJsonAsync("api/advisor/roster/lopez", lopez))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }
        using (var stale = await Alice.Http.PutAsJsonAsync("api/advisor/roster/lopez", lopez))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var retired = await Alice.PostAsync("api/advisor/roster/reyes/retire", new { version = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        }
        var detail = await Alice.RequestAsync(reference);
        Assert.DoesNotContain(Suggestions(detail), s => s.Id == "reyes");
        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Review", Version(detail))).Status);
        detail = await Alice.RequestAsync(reference);
        Assert.Equal(HttpStatusCode.BadRequest, (await Alice.ActAsync(reference, "Assign", Version(detail), "reyes")).Status);

        roster = await Alice.JsonAsync("api/advisor/roster");
        Assert.Equal([("reyes", "Added", 2L), ("lopez", "Edited", 1L), ("king", "Configured", 0L)], Rows(roster));
        Assert.True((bool)roster["advisors"]!.AsArray().Single(a => (string?)a!["id"] == "reyes")!["retired"]!);
        Assert.Equal("(555) 234-0199", (string?)roster["advisors"]!.AsArray().Single(a => (string?)a!["id"] == "lopez")!["phone"]);

        var audit = (await Alice.JsonAsync("api/advisor/roster/audit"))["entries"]!.AsArray();
        Assert.Equal(
            ["alice retired reyes: Retired: no → yes", "alice edited lopez: Phone: (none) → (555) 234-0199", "alice added reyes: Capt. Dana Reyes added"],
            audit.Select(e => $"{e!["actor"]} {e["action"]} {e["advisorId"]}: {e["detail"]}"));
        Assert.All(audit, e => Assert.Equal(Now, (DateTimeOffset)e!["at"]!));
    }

    [Fact]
    public async Task BadRosterInput_GetsAClearAnswer_AndChangesNothing()
    {
        async Task Expect(HttpStatusCode status, string contains, Func<Task<HttpResponseMessage>> send)
        {
            using var response = await send();
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(contains, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await Expect(HttpStatusCode.BadRequest, "Id and Name are required", () => Alice.PostAsync("api/advisor/roster", new { id = "x", email = "x@example.org" }));
        await Expect(HttpStatusCode.BadRequest, "longer than 200", () => Alice.PostAsync("api/advisor/roster", Reyes(name: new string('a', 201))));
        await Expect(HttpStatusCode.BadRequest, "poetry", () => Alice.PostAsync("api/advisor/roster",
            new { id = "x", name = "X", email = "x@example.org", topics = new[] { "poetry" } }));
        await Expect(HttpStatusCode.BadRequest, "an Email or a Phone", () => Alice.PostAsync("api/advisor/roster", new { id = "x", name = "X" }));
        await Expect(HttpStatusCode.BadRequest, "letters, digits", () => Alice.PostAsync("api/advisor/roster", new { id = "a b", name = "X", phone = "1" }));
        await Expect(HttpStatusCode.Conflict, "already a peer advisor", () => Alice.PostAsync("api/advisor/roster",
            new { id = "LOPEZ", name = "Someone", phone = "1" }));
        await Expect(HttpStatusCode.NotFound, "no peer advisor", () => Alice.Http.PutAsJsonAsync("api/advisor/roster/nobody", Reyes(version: 0)));
        await Expect(HttpStatusCode.BadRequest, "version", () => Alice.Http.PutAsJsonAsync("api/advisor/roster/lopez", new { name = "X", phone = "1" }));
        await Expect(HttpStatusCode.BadRequest, "cannot change", () => Alice.Http.PutAsJsonAsync("api/advisor/roster/lopez",
            new { id = "other", name = "X", phone = "1", version = 0 }));
        await Expect(HttpStatusCode.Conflict, "moment ago", () => Alice.PostAsync("api/advisor/roster/king/retire", new { version = 3 }));
        using (var content = new StringContent("{\"id\":", System.Text.Encoding.UTF8, "application/json"))
        using (var broken = await Alice.Http.PostAsync("api/advisor/roster", content))
        {
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        }

        Assert.Empty((await Alice.JsonAsync("api/advisor/roster/audit"))["entries"]!.AsArray());
        Assert.Equal([("lopez", "Configured", 0L), ("king", "Configured", 0L)], Rows(await Alice.JsonAsync("api/advisor/roster")));
    }

    private static List<(string?, string?, long)> Rows(JsonNode roster) =>
        [.. roster["advisors"]!.AsArray().Select(a => ((string?)a!["id"], (string?)a["source"], (long)a["version"]!))];

    private static List<(string? Id, string? Reason)> Suggestions(JsonNode detail) =>
        [.. detail["suggestions"]!.AsArray().Select(s => ((string?)s!["id"], (string?)s["reason"]))];
}

public sealed class SqliteRosterTests : RosterTests<SqliteTestStorage>;

public sealed class PostgresRosterTests : RosterTests<PostgresTestStorage>;
