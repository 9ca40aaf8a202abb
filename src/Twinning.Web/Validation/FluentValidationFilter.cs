using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Twinning.Web.Validation;

/// <summary>
/// Runs the FluentValidation validator of every bound action argument and puts its (localized) errors
/// into ModelState, so that actions only check <c>ModelState.IsValid</c>.
/// </summary>
internal sealed class FluentValidationFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var (name, argument) in context.ActionArguments)
        {
            if (argument is null)
                continue;

            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator)
                continue;

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            var prefix = BoundPrefix(context, name);
            foreach (var error in result.Errors)
                context.ModelState.AddModelError(prefix + error.PropertyName, error.ErrorMessage);
        }

        await next();
    }

    /// <summary>"Input." when the form posted "Input.Code" for an argument named input; else nothing.</summary>
    private static string BoundPrefix(ActionExecutingContext context, string argumentName)
    {
        var bound = context.ModelState.Keys.FirstOrDefault(key =>
            key.Length > argumentName.Length && key[argumentName.Length] == '.' &&
            key.StartsWith(argumentName, StringComparison.OrdinalIgnoreCase));
        return bound is null ? string.Empty : bound[..(argumentName.Length + 1)];
    }
}
