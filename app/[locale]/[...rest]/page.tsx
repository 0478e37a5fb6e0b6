import { notFound } from "next/navigation";

// Unknown addresses inside a language get that language's not-found page, inside its layout.
export default function UnknownPage() {
  notFound();
}
