using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Twinning.Web.Localization;

namespace Twinning.Web.Features.Errors;

/// <summary>
/// Re-executed by the status-code and exception middleware. The language is the one of the page that
/// failed (request localization runs before them), and no detail of an exception is ever shown.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    [HttpGet, HttpPost, HttpHead]
    public IActionResult Error(int code)
    {
        // Links on the error page (language switcher, menu) need the culture, which this route lacks.
        RouteData.Values[CultureRouting.RouteKey] = CultureRouting.CurrentCulture();
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(status);
    }
}
