using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Twinning.Web.Resources;

namespace Twinning.Web.Validation;

/// <summary>
/// The messages of model binding ("'abc' is not a valid value") in the reader's language. The field's
/// name is left out: it would be the property's English identifier; the message sits next to the field.
/// </summary>
internal sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var v = factory.Create(typeof(ValidationResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => v["Binding.Invalid", value].Value);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => v["Binding.Invalid", value].Value);
        messages.SetValueIsInvalidAccessor(value => v["Binding.Invalid", value].Value);
        messages.SetUnknownValueIsInvalidAccessor(_ => v["Binding.Unknown"].Value);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => v["Binding.Unknown"].Value);
        messages.SetValueMustBeANumberAccessor(_ => v["Binding.Number"].Value);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => v["Binding.Number"].Value);
        messages.SetMissingBindRequiredValueAccessor(_ => v["Binding.Required"].Value);
        messages.SetMissingKeyOrValueAccessor(() => v["Binding.Required"].Value);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => v["Binding.Required"].Value);
        messages.SetValueMustNotBeNullAccessor(_ => v["Binding.Required"].Value);
    }
}
