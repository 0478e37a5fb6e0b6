import type { InputHTMLAttributes, Ref } from "react";
import { TextField } from "./fields";

/** A new password typed twice, for forms whose schema checks `password` against `confirmPassword`. */
export function NewPasswordFields({
  text,
  errors,
  register,
}: {
  text: { password: string; passwordHint: string; confirmPassword: string };
  errors: { password?: string; confirmPassword?: string };
  /** react-hook-form's `register` of the form the fields belong to. */
  register: (name: "password" | "confirmPassword") => InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  return (
    <>
      <TextField
        id="password"
        type="password"
        autoComplete="new-password"
        label={text.password}
        hint={text.passwordHint}
        error={errors.password}
        {...register("password")}
      />
      <TextField
        id="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={text.confirmPassword}
        error={errors.confirmPassword}
        {...register("confirmPassword")}
      />
    </>
  );
}
