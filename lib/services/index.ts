// Every service definition registers itself with the engine when imported here.
import "./temporary-registration/definition";

export { TR_SERVICE } from "./temporary-registration/definition";
