using System.Text.Json.Nodes;
using Mvai.Bot.Intake.Prefill;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Tests.Intake;

/// <summary>Each value a model reads from a first message passes the intake's own validators, or is dropped.</summary>
public sealed class ModelPrefillValidationTests
{
    private const string Message = "This is Chief Dana Ruiz of the Aurora PD. We had a shooting in Aurora, Colorado on November 20.";
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void ValidGroundedValues_AreKept_Normalised()
    {
        var (request, rejected) = Validate(new()
        {
            ["requesterName"] = "Dana Ruiz", ["requesterTitle"] = "Chief", ["agencyName"] = "Aurora PD", ["agencyType"] = "municipalpolice",
            ["city"] = "Aurora", ["state"] = "Colorado", ["incidentType"] = "Shooting", ["incidentDate"] = "2026-11-20",
        });

        Assert.Equal(0, rejected);
        Assert.Equal(("Dana Ruiz", "Chief", "Aurora PD", AgencyType.MunicipalPolice), (request.RequesterName, request.RequesterTitle, request.AgencyName, request.AgencyType));
        Assert.Equal(("Aurora", "CO", IncidentType.Shooting, new DateOnly(2026, 11, 20)), (request.City, request.State, request.IncidentType, request.IncidentDate));
    }

    [Theory]
    [InlineData("requesterName", "Xavier Quill")] // never written in the message
    [InlineData("requesterTitle", "Sheriff")] // never written in the message
    [InlineData("agencyName", "Aurora Police Department")] // an expansion, not what was typed
    [InlineData("agencyType", "Spaceship")]
    [InlineData("agencyType", "Other")] // too vague to skip the question for
    [InlineData("agencyType", "3")] // an enum's number is not a name
    [InlineData("incidentType", "Alien invasion")]
    [InlineData("incidentDate", "2026-11-25")] // in the user's future
    [InlineData("incidentDate", "November 20")] // not the yyyy-MM-dd asked for
    [InlineData("state", "Narnia")]
    [InlineData("city", "Denver")] // never written in the message
    public void AnInvalidValue_IsDropped(string property, string value)
    {
        var answer = new JsonObject { ["city"] = property == "state" ? "Aurora" : null, [property] = value };

        var (request, rejected) = Validate(answer);

        Assert.Equal(1, rejected);
        Assert.All(
            new object?[] { request.RequesterName, request.RequesterTitle, request.AgencyName, request.AgencyType, request.City, request.State, request.IncidentType, request.IncidentDate },
            Assert.Null);
    }

    private static (AssistanceRequest Request, int Rejected) Validate(JsonObject answer)
    {
        var model = System.Text.Json.JsonSerializer.Deserialize<ModelPrefillAnswer>(answer.ToJsonString())!;
        return ModelPrefillValidation.Validate(model, Message, Today);
    }
}
