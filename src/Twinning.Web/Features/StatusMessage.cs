namespace Twinning.Web.Features;

/// <summary>A one-time confirmation shown on the next page (post/redirect/get), kept in TempData.</summary>
public static class StatusMessage
{
    public const string Key = "StatusMessage";
}
