namespace Kasify.Application.Common;

/// <summary>
/// Input checks of a request that need nothing loaded: run by the use-case pipeline after authorisation and before
/// the handler, into the one <see cref="Validation"/> collector (400 with <c>errors</c>). Checks that depend on stored
/// state stay in the handler, with the same collector.
/// </summary>
public interface IRequestValidator<in TRequest>
{
    void Validate(TRequest request, Validation errors);
}
