using System.Globalization;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake.Prefill;

/// <summary>The instructions for reading a first message; the message itself goes alone in the user turn.</summary>
internal static class ModelPrefillPrompt
{
    // "Other" is left out on purpose: a wrong guess would skip a question the user should answer.
    private static readonly string AgencyTypes = string.Join(", ", Enum.GetNames<AgencyType>().Where(n => n != nameof(AgencyType.Other)));
    private static readonly string IncidentTypes = string.Join(", ", Enum.GetNames<IncidentType>().Where(n => n != nameof(IncidentType.Other)));

    public static string System(DateOnly userToday) =>
        "You read the first message a US law-enforcement leader sends to the Mass Violence Advisory Initiative and pick out facts " +
        "for a request form. Answer with one JSON object only, with exactly these properties, each a string or null. " +
        "Use null for anything the message does not state explicitly; never guess, infer or invent.\n" +
        "- requesterName: the writer's own name, without rank (\"Dana Ruiz\").\n" +
        "- requesterTitle: the writer's own title or rank as written (\"Chief\").\n" +
        "- agencyName: the writer's agency, as written in the message.\n" +
        $"- agencyType: one of {AgencyTypes}.\n" +
        "- city: the city of the writer's agency or, if not given, of the incident, as written. state: its US state as a two-letter code.\n" +
        $"- incidentType: one of {IncidentTypes}.\n" +
        "- incidentDate: the day of the incident as yyyy-MM-dd. Today is " +
        userToday.ToString("dddd yyyy-MM-dd", CultureInfo.InvariantCulture) +
        " for the writer; resolve words like \"yesterday\" or \"last night\" against it.";
}
