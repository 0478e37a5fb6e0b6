import type { InputHTMLAttributes, Ref } from "react";
import { CheckboxGroup } from "@/app/_components/fields";
import styles from "./admin.module.css";

type Option = { value: string; label: string };

/** Where a staff account may work: the region and service checkboxes of the create and access forms. */
export function RegionsServicesFields({
  text,
  options,
  errors,
  register,
}: {
  text: { regions: string; regionsHint: string; services: string; servicesHint: string };
  options: { regions: readonly Option[]; services: readonly Option[] };
  errors: { regions?: string; services?: string };
  /** react-hook-form's `register` of the form the checkboxes belong to. */
  register: (name: "regions" | "services") => InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  return (
    <>
      <div className={styles.checkboxColumns}>
        <CheckboxGroup
          name="regions"
          legend={text.regions}
          hint={text.regionsHint}
          error={errors.regions}
          options={options.regions}
          inputProps={() => register("regions")}
        />
      </div>
      <CheckboxGroup
        name="services"
        legend={text.services}
        hint={text.servicesHint}
        error={errors.services}
        options={options.services}
        inputProps={() => register("services")}
      />
    </>
  );
}
