namespace Twinning.Web.Features;

/// <summary>A one-time message shown on the next page (post/redirect/get), kept in TempData.</summary>
public static class StatusMessage
{
    /// <summary>Something was done: shown as a confirmation.</summary>
    public const string Key = "StatusMessage";

    /// <summary>Something could not be done: shown as an error, announced at once to screen readers.</summary>
    public const string ErrorKey = "StatusError";

    /// <summary>The errors of a refused form, for a page that redirects instead of showing the form again.</summary>
    public static string Errors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState) =>
        string.Join(" ", modelState.Values.SelectMany(e => e.Errors).Select(e => e.ErrorMessage));
}
