using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;

namespace ThermalMonitor.Device.Tests.Bridge.Runner;

/// <summary>
/// Calls a test method the way nanoFramework's launcher does with <c>method.Invoke(null, parameters)</c>:
/// no instance is ever constructed, so an instance method runs with a null <c>this</c> (on .NET,
/// MethodInfo.Invoke refuses that, so the call is emitted with IL <c>call</c>, which does not check).
/// Touching instance state then throws NullReferenceException, as on the device. Arguments are
/// unboxed to the exact parameter types: no widening (a boxed int for a long parameter fails).
/// Exceptions come out unwrapped, as on the device (no TargetInvocationException).
/// </summary>
public static class NullThisInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, Action<object[]>> Stubs = new();

    public static void Invoke(MethodInfo method, object[] arguments)
    {
        int parameterCount = method.GetParameters().Length;
        if ((arguments?.Length ?? 0) != parameterCount)
        {
            throw new TargetParameterCountException($"{method.DeclaringType.Name}.{method.Name} takes {parameterCount} parameters, the launcher passes {arguments?.Length ?? 0}");
        }

        Stubs.GetOrAdd(method, Emit)(arguments ?? []);
    }

    private static Action<object[]> Emit(MethodInfo method)
    {
        var stub = new DynamicMethod("launch_" + method.Name, typeof(void), [typeof(object[])], method.Module, skipVisibility: true);
        ILGenerator il = stub.GetILGenerator();
        if (!method.IsStatic)
        {
            il.Emit(OpCodes.Ldnull);
        }

        ParameterInfo[] parameters = method.GetParameters();
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = parameters[i].ParameterType;
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldelem_Ref);
            il.Emit(type.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, type);
        }

        il.Emit(OpCodes.Call, method);
        if (method.ReturnType != typeof(void))
        {
            il.Emit(OpCodes.Pop);
        }

        il.Emit(OpCodes.Ret);
        return stub.CreateDelegate<Action<object[]>>();
    }
}
