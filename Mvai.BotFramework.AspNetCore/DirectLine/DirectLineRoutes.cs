namespace Mvai.BotFramework.DirectLine;

/// <summary>Where <see cref="DirectLineServiceCollectionExtensions.MapDirectLine"/> serves the Direct Line 3.0 API.</summary>
public static class DirectLineRoutes
{
    /// <summary>The path every Direct Line route starts with, as on Azure (<c>https://directline.botframework.com/v3/directline</c>).</summary>
    public const string BasePath = "/v3/directline";
}
